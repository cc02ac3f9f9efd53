package cn.yn.employment.audit;

/** Result of walking the hash chain: how many sealed rows were checked and the first broken one, if any. */
public record ChainVerification(long checked, Long firstBrokenSeq, Long firstBrokenId, String reason) {

    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
