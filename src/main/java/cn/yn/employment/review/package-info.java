/**
 * Review: the reviewer inboxes of the filing and report chains. Keeps the inbox projection ({@code work_item},
 * {@code work_item_done}) from a Flowable event listener in the engine's transaction, and acts on reviewer
 * tasks (claim, release, approve, return, bulk) through Flowable's {@code TaskService} following the review
 * contract of docs/development.md. Inbox lists and counts read only the projection.
 */
package cn.yn.employment.review;
