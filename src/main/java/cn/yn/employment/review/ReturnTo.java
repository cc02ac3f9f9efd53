package cn.yn.employment.review;

/** Where a return sends the subject: back to the enterprise, or (province only) back to the city review. */
public enum ReturnTo {
    ENTERPRISE, CITY
}
