import { describe, expect, it } from 'vitest'
import { proposeNameSplit, sameName, splitNameAt } from './chip-name-split'

describe('proposeNameSplit', () => {
  it.each([
    ['欧阳娜娜', '欧阳', '娜娜', 'compound', true],
    ['司马相如', '司马', '相如', 'compound', true],
    ['司马光', '司马', '光', 'compound', true],
    ['李明', '李', '明', 'single', true],
    ['王建国', '王', '建国', 'single', true],
    ['马超', '马', '超', 'single', true],
  ] as const)('%s splits into %s + %s (%s)', (name, surname, givenName, reason, confident) => {
    expect(proposeNameSplit(name)).toMatchObject({ surname, givenName, reason, confident })
  })

  it('asks about a name with a middle dot, proposing the dot as the split', () => {
    expect(proposeNameSplit('阿依古丽·买买提')).toMatchObject({ surname: '阿依古丽', givenName: '买买提', reason: 'middle-dot', confident: false })
  })

  it('asks about a name of more than four characters, keeping a compound surname', () => {
    expect(proposeNameSplit('欧阳娜娜娜娜')).toMatchObject({ surname: '欧阳', reason: 'long', confident: false })
    expect(proposeNameSplit('买买提明明')).toMatchObject({ surname: '买', reason: 'long', confident: false })
  })

  it('asks about a four-character name that may open with a double surname', () => {
    expect(proposeNameSplit('张王小明')).toMatchObject({ surname: '张', givenName: '王小明', reason: 'ambiguous', confident: false })
  })

  it('splits a Latin name at the comma, by words, always asking', () => {
    expect(proposeNameSplit('GARCIA LOPEZ, MARIA FERNANDA')).toMatchObject({
      units: ['GARCIA', 'LOPEZ', 'MARIA', 'FERNANDA'], at: 2, surname: 'GARCIA LOPEZ', givenName: 'MARIA FERNANDA', confident: false,
    })
    expect(proposeNameSplit('SMITH JOHN')).toMatchObject({ surname: 'SMITH', givenName: 'JOHN' })
  })
})

describe('splitNameAt', () => {
  it('moves the split point and keeps both parts non-empty', () => {
    expect(splitNameAt('张王小明', 2, 'ambiguous', false)).toMatchObject({ surname: '张王', givenName: '小明' })
    expect(splitNameAt('李明', 5, 'single', true)).toMatchObject({ surname: '李', givenName: '明' })
    expect(splitNameAt('李明', 0, 'single', true)).toMatchObject({ surname: '李', givenName: '明' })
  })
})

describe('sameName', () => {
  it('ignores separators and the split point', () => {
    expect(sameName('阿依古丽·买买提', '阿依古丽', '买买提')).toBe(true)
    expect(sameName('SMITH, JOHN', 'SMITH', 'JOHN')).toBe(true)
    expect(sameName('欧阳娜娜', '欧', '阳娜娜')).toBe(true)
    expect(sameName('欧阳娜娜', '欧阳', '娜')).toBe(false)
  })
})
