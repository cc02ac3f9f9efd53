package cn.yn.employment.review;

/** Progress of a bulk action, reported after each item. */
public record BulkProgress(int done, int total, BulkResult last) {

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
