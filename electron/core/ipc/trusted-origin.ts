/**
 * The one origin rule lives in shared/ so the settings schema (verify origins) checks with it too;
 * the main-process callers keep importing it from here.
 */
export { isTrustedOrigin, originOf } from '../../../shared/domain/origin'
