/**
 * Shared kernel: roles and scopes, the current user, time, i18n. Every module may use it; it uses no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.yn.employment.common;
