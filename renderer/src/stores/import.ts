import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { ImportPreview, ImportProgress, ImportResult, ImportSelection, IpcError } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'
import { useKycEvent } from '../composables/useKycEvent'

type Phase = 'idle' | 'choosing' | 'previewing' | 'importing'

/** Batch import: main's dialogs choose the files, main previews and imports; this store follows along. */
export const useImportStore = defineStore('import', () => {
  const selection = ref<ImportSelection>({ manifestPath: null, imagesDir: null, imagesBesideManifest: true })
  const preview = ref<ImportPreview | null>(null)
  const result = ref<ImportResult | null>(null)
  const progress = ref<ImportProgress | null>(null)
  const phase = ref<Phase>('idle')
  const error = ref<IpcError | null>(null)
  const options = reactive({ queue: true, consent: false, acceptWarningsReason: '' })

  useKycEvent('import:progress', (p) => {
    if (phase.value === 'previewing' || phase.value === 'importing') progress.value = p
  })

  const summary = computed(() => (preview.value?.ok ? preview.value.summary : null))
  /** Rows the commit will import: ready ones, and those with warnings once a reason is given. */
  const importable = computed(() => {
    const s = summary.value
    if (!s) return 0
    return s.ready + (options.acceptWarningsReason.trim() ? s.needsReview : 0)
  })
  const canCommit = computed(() => phase.value === 'idle' && importable.value > 0 && (!options.queue || options.consent))

  async function run<T>(next: Phase, work: () => Promise<T>): Promise<T | null> {
    phase.value = next
    progress.value = null
    try {
      const value = await work()
      error.value = null
      return value
    } catch (thrown) {
      error.value = errorOf(thrown)
      return null
    } finally {
      phase.value = 'idle'
      progress.value = null
    }
  }

  async function load(): Promise<void> {
    const current = await run('idle', () => call('import:selection', {}))
    if (current) selection.value = current
  }

  async function choose(what: 'manifest' | 'images'): Promise<void> {
    const chosen = await run('choosing', () => call('import:choose', { what }))
    if (!chosen) return
    const changed = chosen.manifestPath !== selection.value.manifestPath || chosen.imagesDir !== selection.value.imagesDir
    selection.value = chosen
    if (changed) {
      preview.value = null
      result.value = null
    }
  }

  async function runPreview(): Promise<void> {
    result.value = null
    const checked = await run('previewing', () => call('import:preview', {}))
    if (checked) preview.value = checked
  }

  async function commit(): Promise<void> {
    if (!canCommit.value) return
    const reason = options.acceptWarningsReason.trim()
    const done = await run('importing', () =>
      call('import:commit', { queue: options.queue, consent: options.consent, acceptWarningsReason: reason === '' ? null : reason }),
    )
    if (!done) return
    result.value = done
    preview.value = null
  }

  async function cancel(): Promise<void> {
    await call('import:cancel', {}).catch(() => undefined)
  }

  /** Back to choosing, for the next manifest. */
  function restart(): void {
    preview.value = null
    result.value = null
    options.consent = false
    options.acceptWarningsReason = ''
  }

  return { selection, preview, result, progress, phase, error, options, summary, importable, canCommit, load, choose, runPreview, commit, cancel, restart }
})
