import { describe, expect, it } from 'vitest'
import { maskedDocumentNumber, maskedLabel, maskedName } from './masking'

describe('masking', () => {
  it('keeps the surname initial and the last four of the number, nothing else', () => {
    expect(maskedName({ surname: '欧阳' })).toBe('欧*')
    expect(maskedName({ surname: ' 𠮷野' })).toBe('𠮷*')
    expect(maskedName({ surname: 'FOSTER' })).toBe('F*')
    expect(maskedDocumentNumber('11010519491231002X')).toBe('····002X')
    expect(maskedDocumentNumber('E1234 1846')).toBe('····1846')
    expect(maskedLabel({ surname: '王', documentNumber: '110105194912310021' })).toBe('王* ····0021')
  })
})
