package cn.yn.employment.common.security;

public enum ScopeType {
    ENTERPRISE, CITY, PROVINCE, SYSTEM
}
