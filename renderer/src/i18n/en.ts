import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: {
    title: 'KYC Desk',
    trainingBanner: 'Training mode: everything goes to the built-in sandbox platform, never to the real one.',
    keyWarning: 'Warning: the data key on this machine is not protected: {detail}',
    version: 'Version {version}',
    platform: 'Platform',
  },
  nav: { system: 'System', queue: 'Queue' },
  system: {
    heading: 'System information',
    version: 'Version',
    mode: 'Mode',
    training: 'Training (built-in sandbox)',
    live: 'Live',
    keyProtection: 'Data key protection',
    secure: 'secure',
    insecure: 'not secure',
    platformHost: 'Platform address',
  },
  errors: {
    title: 'Something went wrong',
    UNKNOWN_CHANNEL: 'The screen called a function that does not exist.',
    FORBIDDEN_SENDER: 'This window may not call the application core.',
    INVALID_REQUEST: 'The request was malformed.',
    INVALID_INPUT: 'Some input is not valid.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'That conflicts with the current state.',
    LOCKED: 'Locked: sign in first.',
    UNAVAILABLE: 'Temporarily unavailable.',
    INTERNAL: 'Something went wrong inside the application; see the diagnostics log.',
  },
  detail: { heading: 'Applicant', back: 'Back' },
  common: { loading: 'Loading…', retry: 'Retry' },
}
export default en
