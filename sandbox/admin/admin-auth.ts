import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { adminError } from './admin-errors'

/** A fresh bearer token for one run of the sandbox's admin API (256 bits, URL-safe). */
export function createAdminToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Addresses that reach only this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
}

/** The host name of a `Host` header, without its port (`[::1]:80` -> `::1`). */
function hostNameOf(header: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header)
  if (bracketed) return bracketed[1]!.toLowerCase()
  return header.replace(/:\d+$/, '').toLowerCase()
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export interface AdminGuard {
  readonly token: string
  /** The interface the sandbox was bound to: a request may name it as well as a loopback name. */
  readonly boundHost: string
}

/**
 * The admin API hands out the account secret, tokens and identity records, so it answers only a
 * caller that holds this run's token, and only under a `Host` naming this machine (or the bound
 * address): a web page the operator visits cannot reach it by DNS rebinding.
 */
export function checkAdminRequest(guard: AdminGuard, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const host = hostNameOf(request.headers.host ?? '')
  if (!isLoopbackHost(host) && host !== hostNameOf(guard.boundHost)) {
    return adminError(reply, 403, 'forbidden_host', `the admin API answers only requests addressed to this machine, not to ${host || 'no host'}`)
  }
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  if (!match || !sameSecret(match[1]!, guard.token)) {
    void reply.header('www-authenticate', 'Bearer realm="kyc-sandbox-admin"')
    return adminError(reply, 401, 'unauthorized', 'the admin API needs "Authorization: Bearer <adminToken>" (the adminToken of the ready line)')
  }
  return undefined
}
