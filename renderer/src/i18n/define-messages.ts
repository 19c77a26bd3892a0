// The helper lives with the shared tables (shared/i18n), so the core's messages and the screens' use one shape.
export { defineMessages, type MessageTree } from '../../../shared/i18n/define-messages'
