import type { Settings } from '../../../../shared/domain/settings'
import { createImageIntake, type ImageIntake, type ImageIntakeOptions } from '../image'

export function intakeOptionsFrom(settings: Settings): ImageIntakeOptions {
  const { intake } = settings
  return {
    limits: { maxFileBytes: intake.maxFileBytes, maxLongSide: intake.maxLongSide },
    quality: {
      minLongSide: Math.max(intake.minWidth, intake.minHeight),
      minShortSide: Math.min(intake.minWidth, intake.minHeight),
      minBlurScore: intake.blurThreshold,
    },
  }
}

export interface SettingsIntake {
  /** The image intake for the current settings; rebuilt when the image limits or thresholds change. */
  current(): ImageIntake
  close(): Promise<void>
}

/**
 * One image intake shared by capture and batch import, following the settings. A replaced one is
 * closed (its OCR worker stopped) a little later, so a read in progress can finish.
 */
export function settingsIntake(settings: () => Settings, graceMs = 60_000): SettingsIntake {
  let key = ''
  let intake: ImageIntake | null = null
  return {
    current() {
      const options = intakeOptionsFrom(settings())
      const next = JSON.stringify(options)
      if (intake === null || next !== key) {
        const old = intake
        if (old) setTimeout(() => void old.close(), graceMs).unref()
        intake = createImageIntake(options)
        key = next
      }
      return intake
    },
    close: async () => {
      await intake?.close()
      intake = null
    },
  }
}
