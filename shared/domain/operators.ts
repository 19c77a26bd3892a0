/** Admins manage operators and the settings that point the app somewhere; operators capture. */
export const operatorRoles = ['admin', 'operator'] as const
export type OperatorRole = (typeof operatorRoles)[number]

/** A PIN an admin set is temporary: it signs in once, and only to choose a new PIN. */
export const pinStates = ['set', 'temporary', 'temporary-used'] as const
export type PinState = (typeof pinStates)[number]

/** The interface languages; each operator has their own, the machine's setting is the default. */
export const uiLanguages = ['zh-CN', 'en'] as const
export type UiLanguage = (typeof uiLanguages)[number]
