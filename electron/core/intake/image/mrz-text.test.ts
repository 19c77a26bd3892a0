import { describe, expect, it } from 'vitest'
import { cleanMrzText } from './mrz-text'
import { td1Lines, td3Lines } from './test-fixtures/passport-page'

const fields = { country: 'CHN', surname: 'ZHANG', givenNames: 'SAN', number: 'E12345678', nationality: 'CHN', birth: '850101', sex: 'M' as const, expiry: '300101' }
const [td3a, td3b] = td3Lines(fields)

describe('cleanMrzText', () => {
  it('keeps the last two 44-character lines as TD3, dropping other text and spaces', () => {
    const ocr = `PASSPORT Type P\nzhang san\n${td3a.slice(0, 20)} ${td3a.slice(20)}\n${td3b.toLowerCase()}\n`
    expect(cleanMrzText(ocr)).toEqual({ format: 'TD3', lines: [td3a, td3b], complete: true })
  })

  it('recognises TD1 (three lines of 30)', () => {
    const lines = td1Lines(fields)
    expect(cleanMrzText(lines.join('\n'))).toEqual({ format: 'TD1', lines, complete: true })
  })

  it('pads or trims a trailing filler run miscounted by the OCR', () => {
    const ocr = `${td3a.slice(0, 40)}\n${td3b}\n`
    expect(cleanMrzText(ocr)?.lines[0]).toBe(td3a)
    expect(cleanMrzText(`${td3a}<<<\n${td3b}`)?.lines[0]).toBe(td3a)
  })

  it('leaves a line wrong elsewhere as read and says it is incomplete', () => {
    const short = td3b.slice(0, 20) + td3b.slice(22)
    expect(cleanMrzText(`${td3a}\n${short}`)).toEqual({ format: 'TD3', lines: [td3a, short], complete: false })
  })

  it('swaps look-alikes only where the format admits one class', () => {
    // Birth date and check digits are digits; the name field is letters; the document number is either.
    const misread = `${td3a.replace('ZHANG', 'ZHAN6')}\n${td3b.replace('8501019', 'B5O1Q19').replace('E12345678', 'E1234567B')}`
    const cleaned = cleanMrzText(misread)
    expect(cleaned?.lines[0]).toBe(td3a)
    expect(cleaned?.lines[1]).toBe(td3b.replace('E12345678', 'E1234567B'))
  })

  it('returns null when nothing looks like an MRZ', () => {
    expect(cleanMrzText('')).toBeNull()
    expect(cleanMrzText('REPUBLIC OF NOWHERE\nSURNAME ZHANG\n')).toBeNull()
    expect(cleanMrzText('A'.repeat(60))).toBeNull()
  })
})
