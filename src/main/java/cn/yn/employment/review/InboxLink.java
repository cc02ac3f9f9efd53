package cn.yn.employment.review;

/** Route paths the review module's notifications link to (the views live in review.ui). */
final class InboxLink {

    static final String PATH = "review/inbox";
    static final String COPIES = "review/copies";

    private InboxLink() {
    }
}
