package cn.yn.employment.ui;

/** A view tells the shell its title (already translated). */
public interface HasViewTitle {

    String viewTitle();
}
