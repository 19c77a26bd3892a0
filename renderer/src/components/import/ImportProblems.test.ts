import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ImportProblemView } from '../../../../shared/contract'
import { createAppI18n, type UiLocale } from '../../i18n'
import ImportProblems from './ImportProblems.vue'

async function render(problems: ImportProblemView[], locale: UiLocale) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p />' } }] })
  const wrapper = mount(ImportProblems, { props: { problems }, global: { plugins: [createAppI18n(locale), router] } })
  await router.isReady()
  return wrapper
}

describe('an import row duplicating an applicant in the queue', () => {
  it('names the other applicant and links to it', async () => {
    const wrapper = await render(
      [
        {
          field: 'uid',
          code: 'duplicate.uid',
          severity: 'warning',
          words: 'reason',
          reason: { key: 'capture.duplicate.uid', params: { reference: 'K7Q2' } },
          detail: null,
          applicant: { id: '01HX', reference: 'K7Q2' },
        },
      ],
      'en',
    )
    const link = wrapper.get('[data-testid="import-duplicate-link"]')
    expect(link.text()).toBe('Open applicant K7Q2')
    expect(link.attributes('href')).toContain('/applicants/01HX')
    expect(wrapper.text()).toContain('Platform uid: Applicant K7Q2 is bound to the same platform account')
  })
})

describe('import problems are worded from codes in the operator’s language', () => {
  const problems: ImportProblemView[] = [
    { field: 'row', code: 'cells.extra', severity: 'error', words: 'reason', reason: { key: 'importProblem.cells.extra', params: { n: 1, expected: 16 } }, detail: null },
    { field: 'front', code: 'image.heic-unsupported', severity: 'error', words: 'reason', reason: { key: 'imageFile.heic-unsupported' }, detail: null },
    {
      field: 'back',
      code: 'quality.blurred',
      severity: 'warning',
      words: 'reason',
      reason: { key: 'imageCheck.blurred.file' },
      detail: { key: 'imageCheck.measured.blurred', params: { measured: 12, threshold: 100 } },
    },
    { field: 'uid', code: 'uid.leading-zero', severity: 'error', words: 'binding', binding: { field: 'uid', code: 'uid.leading-zero' } },
  ]

  it('in Chinese', async () => {
    const items = (await render(problems, 'zh-CN')).findAll('li').map((li) => li.text())
    expect(items).toEqual([
      '错误该行：该行有 1 个单元格，表头只有 16 列；请检查是否有未加引号的逗号',
      '错误证件正面：不支持 iPhone 的 HEIC 照片：请导出为 JPEG',
      '警告证件背面：照片模糊：请重拍或重新扫描（清晰度 12，至少需要 100（越高越清晰））',
      '错误平台用户 ID：不能以 0 开头',
    ])
  })

  it('in English, with the singular where the count is one', async () => {
    const items = (await render(problems, 'en')).findAll('li').map((li) => li.text())
    expect(items).toEqual([
      'ErrorRow: the row has 1 cell but the header has 16; look for an unquoted comma',
      'ErrorDocument front: HEIC photos from iPhones are not supported: export as JPEG',
      'WarningDocument back: Image blurred: retake or rescan it (Sharpness 12, needs at least 100 (higher is sharper))',
      'ErrorPlatform uid: must not start with 0',
    ])
  })
})
