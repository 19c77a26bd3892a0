import { defineMessages } from '../define-messages'

// Replacing one image from the detail view (components/detail/ImageReplace.vue).
export default defineMessages(
  {
    replaceImage: {
      button: '替换照片',
      keepLabel: '仍要使用这张照片的原因（将记入审计日志）',
      keep: '仍然使用',
      replaced: '已替换{slot}，只重新提交这张照片。',
    },
  },
  {
    replaceImage: {
      button: 'Replace image',
      keepLabel: 'Why this image is used anyway (kept in the audit log)',
      keep: 'Use it anyway',
      replaced: 'The {slot} was replaced; only this image is submitted again.',
    },
  },
)
