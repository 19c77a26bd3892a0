import { defineMessages } from './define-messages'

/**
 * What is wrong with a scanned or typed account binding (`bindingIssue.<code>`, the code's dots
 * being the table's levels). Braces are written `{'{'}` because vue-i18n reads `{` as a value.
 */
export default defineMessages(
  {
    bindingIssue: {
      binding: {
        empty: '没有扫描或输入任何内容',
        unrecognized: `不是账户绑定码：应为 {'{'}"uid":…,"token":…{'}'} 或 kyc://bind?uid=…&token=…；请客户重新出示绑定二维码`,
        'full-width': '扫描结果为全角字符：请将输入法切换为英文（半角）后重新扫描',
        'json-invalid': '内容以 JSON 开头但不是有效的 JSON（被截断或误读）；请重新扫描',
        'json-not-object': 'JSON 必须是包含 uid 和 token 的对象',
        'uri-invalid': '链接格式应为 kyc://bind?uid=…&token=…，且百分号编码有效',
        duplicate: '{name} 出现了两次，无法确定取哪个值',
      },
      uid: {
        missing: '缺失',
        'wrong-type': '应为数字或数字字符串',
        'not-whole-number': '“{value}”不是整数；用户 ID 只能由数字组成（不能有小数点或科学计数法）',
        characters: '“{value}”只能包含数字',
        'leading-zero': '不能以 0 开头',
        'too-long': '共 {length} 位，最多 {max} 位',
      },
      token: {
        missing: '缺失',
        'wrong-type': '应为字符串',
        'too-long': '长度为 {length} 个字符，最多 {max} 个',
        characters: '包含空格、控制字符或全角字符；请重新扫描，不要手动输入',
      },
    },
  },
  {
    bindingIssue: {
      binding: {
        empty: 'nothing was scanned or typed',
        unrecognized: `not a binding code: expected {'{'}"uid":…,"token":…{'}'} or kyc://bind?uid=…&token=…; ask the customer to show the binding QR code again`,
        'full-width': 'the scan arrived as full-width characters: switch the input method to English (half-width) and scan again',
        'json-invalid': 'the code starts like JSON but is not valid JSON (cut off or misread); scan again',
        'json-not-object': 'the JSON must be an object with uid and token',
        'uri-invalid': 'the link must be kyc://bind?uid=…&token=… with valid percent-encoding',
        duplicate: '{name} appears twice; the code is ambiguous',
      },
      uid: {
        missing: 'missing',
        'wrong-type': 'must be a number or a string of digits',
        'not-whole-number': '“{value}” is not a whole number; a uid has digits only (no decimal point or exponent)',
        characters: '“{value}” must contain digits only',
        'leading-zero': 'must not start with 0',
        'too-long': 'has {length} digits, at most {max}',
      },
      token: {
        missing: 'missing',
        'wrong-type': 'must be a string',
        'too-long': 'is {length} characters long, at most {max}',
        characters: 'contains spaces, control or full-width characters; scan the code again rather than typing it',
      },
    },
  },
)
