import { defineMessages } from './define-messages'

/**
 * How words are put together, the one copy for the screens and the command line: the items of a
 * list (names, values: 、 in Chinese), whole sentences in a row (；), a label before its text (：)
 * and a detail after it in brackets (（）).
 */
export default defineMessages(
  {
    list: {
      separator: '、',
      sentenceSeparator: '；',
      labelled: '{label}：{text}',
      withDetail: '{text}（{detail}）',
    },
  },
  {
    list: {
      separator: ', ',
      sentenceSeparator: '; ',
      labelled: '{label}: {text}',
      withDetail: '{text} ({detail})',
    },
  },
)
