import type { WireParams } from './platform-call'

/**
 * A valid step-1 submission: GB 11643's own example number 11010519491231002X (born 1949-12-31,
 * sequence 002 = female), a mainland resident identity card valid until 2045.
 */
export function step1Params(overrides: WireParams = {}): WireParams {
  return {
    step: 1,
    country: 'CHN',
    firstName: '张',
    secondName: '三丰',
    idNumber: '11010519491231002X',
    birthday: '1949-12-31',
    gender: 2,
    isChina: 1,
    singnTime: '2025-06-01',
    outofTime: '2045-06-01',
    isAllTime: 0,
    currentLocation: 1,
    ...overrides,
  }
}

/** A few bytes that start like a JPEG; the sandbox stores any bytes. */
export function fakeJpeg(label: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`sandbox test image ${label}`)])
}
