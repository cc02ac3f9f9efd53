package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.Copies;
import cn.yn.employment.review.Handover;
import cn.yn.employment.ui.ProcessDiagramProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the inbox's dialogs need beyond {@code ReviewService}: 转办/委派, 抄送 and the process diagram (if installed). */
@Component
public class ItemActions {

    final Handover handover;
    final Copies copies;
    final ProcessDiagramProvider diagrams;
    final CurrentUserProvider users;

    ItemActions(Handover handover, Copies copies, ObjectProvider<ProcessDiagramProvider> diagrams, CurrentUserProvider users) {
        this.users = users;
        this.handover = handover;
        this.copies = copies;
        this.diagrams = diagrams.getIfAvailable();
    }
}
