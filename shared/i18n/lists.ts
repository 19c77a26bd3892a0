import { defineMessages } from './define-messages'

/**
 * How words are put together, the one copy for the screens and the command line: the items of a
 * list (names, values: 、 in Chinese), whole sentences in a row (；), and a label before its text (：).
 */
export default defineMessages(
  {
    list: {
      separator: '、',
      sentenceSeparator: '；',
      labelled: '{label}：{text}',
    },
  },
  {
    list: {
      separator: ', ',
      sentenceSeparator: '; ',
      labelled: '{label}: {text}',
    },
  },
)
