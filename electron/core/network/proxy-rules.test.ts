import { describe, expect, it } from 'vitest'
import { isBypassed, proxyForDisplay, proxyFromPacAnswer, proxyUrlWithCredentials } from './proxy-rules'

describe('the operating system proxy answer (PAC style, as session.resolveProxy gives it)', () => {
  it.each([
    ['DIRECT', ''],
    ['', ''],
    ['PROXY proxy.bank.example:8080', 'http://proxy.bank.example:8080'],
    ['PROXY 10.1.2.3:3128; DIRECT', 'http://10.1.2.3:3128'],
    ['  proxy   proxy.bank.example:80 ;PROXY other:81', 'http://proxy.bank.example'],
    ['HTTPS secure-proxy.bank.example:443', 'https://secure-proxy.bank.example'],
    ['SOCKS5 127.0.0.1:1080', 'socks5://127.0.0.1:1080'],
    ['SOCKS 127.0.0.1:1080', 'socks5://127.0.0.1:1080'],
    ['DIRECT; PROXY proxy:8080', ''],
    ['QUIC proxy:443', ''],
    ['PROXY', ''],
  ])('%j -> %j', (answer, proxy) => {
    expect(proxyFromPacAnswer(answer)).toBe(proxy)
  })
})

describe('the manual proxy bypass list', () => {
  it.each([
    ['https://oss.bank.example/x', ['oss.bank.example'], true],
    ['https://OSS.bank.example/x', ['oss.bank.example'], true],
    ['https://kyc.bank.example/x', ['oss.bank.example'], false],
    ['https://a.b.bank.example/x', ['.bank.example'], true],
    ['https://bank.example/x', ['*.bank.example'], true],
    ['https://notbank.example/x', ['.bank.example'], false],
    ['https://anything.example/x', ['*'], true],
    ['https://kyc.bank.example/x', ['kyc.bank.example:443'], true],
    ['https://kyc.bank.example:8443/x', ['kyc.bank.example:443'], false],
    ['http://127.0.0.1:17301/user/getsts', ['127.0.0.1'], true],
    ['http://127.0.0.1:17301/user/getsts', [], false],
  ])('%s with %j bypassed: %s', (url, bypass, expected) => {
    expect(isBypassed(url, bypass)).toBe(expected)
  })
})

describe('credentials', () => {
  it('go into the proxy URL encoded, and never into what is shown', () => {
    const url = proxyUrlWithCredentials('http://proxy.bank.example:8080', 'branch\\op1', 'p@ss:w/rd')
    expect(url).toBe('http://branch%5Cop1:p%40ss%3Aw%2Frd@proxy.bank.example:8080')
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss:w/rd')
    expect(proxyForDisplay(url)).toBe('http://proxy.bank.example:8080')
    expect(proxyUrlWithCredentials('http://proxy.bank.example:8080', '', '')).toBe('http://proxy.bank.example:8080')
  })
})
