package cn.yn.employment.enterprise.ui;

import cn.yn.employment.codes.Code;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A two-level code picker (city → county, industry section → division, registration category → type). Its
 * value is the second-level code; errors show on the picker as a whole.
 */
class TwoLevelPicker extends CustomField<String> {

    final ComboBox<Code> parent = new ComboBox<>();
    final ComboBox<Code> child = new ComboBox<>();
    private final transient Function<String, List<Code>> childrenOf;
    private final transient Function<String, Optional<Code>> find;
    private final transient Function<String, String> parentOf;

    TwoLevelPicker(String id, String label, List<Code> parents, Function<String, List<Code>> childrenOf,
                   Function<String, Optional<Code>> find, String parentPlaceholder, String childPlaceholder) {
        this(id, label, parents, childrenOf, find, c -> find.apply(c).map(Code::parentCode).orElse(null),
                parentPlaceholder, childPlaceholder);
    }

    /** @param parentOf the first-level code shown for a second-level code (it may be a grandparent) */
    TwoLevelPicker(String id, String label, List<Code> parents, Function<String, List<Code>> childrenOf,
                   Function<String, Optional<Code>> find, Function<String, String> parentOf, String parentPlaceholder,
                   String childPlaceholder) {
        this.childrenOf = childrenOf;
        this.find = find;
        this.parentOf = parentOf;
        setId(id);
        setLabel(label);
        parent.setId(id + "-parent");
        child.setId(id + "-child");
        parent.setItems(parents);
        parent.setItemLabelGenerator(Code::label);
        child.setItemLabelGenerator(Code::label);
        parent.setPlaceholder(parentPlaceholder);
        child.setPlaceholder(childPlaceholder);
        // each input is named: the picker's label and what the input holds (市（州）/ 县（市、区）…)
        parent.setAriaLabel(label + " " + parentPlaceholder);
        child.setAriaLabel(label + " " + childPlaceholder);
        parent.setWidth("45%");
        child.setWidth("55%");
        child.setItems(List.of());
        parent.addValueChangeListener(e -> {
            Code c = e.getValue();
            child.setItems(c == null ? List.of() : childrenOf.apply(c.code()));
            if (e.isFromClient() || c == null || child.getValue() == null || !c.code().equals(parentOf.apply(child.getValue().code()))) {
                child.clear();
            }
        });
        child.addValueChangeListener(e -> updateValue());
        HorizontalLayout row = new HorizontalLayout(parent, child);
        row.setWidthFull();
        row.setSpacing(true);
        row.setPadding(false);
        add(row);
        if (parents.size() == 1) {
            parent.setValue(parents.get(0));
            parent.setReadOnly(true);
        }
    }

    /**
     * vaadin-custom-field says "required" on itself, a {@code role="group"}, where ARIA does not allow
     * {@code aria-required} (axe: aria-allowed-attr, critical): it is said on the two inputs instead.
     */
    @Override
    public void setRequiredIndicatorVisible(boolean required) {
        super.setRequiredIndicatorVisible(required);
        getElement().executeJs("""
                setTimeout(() => {
                  this.removeAttribute('aria-required');
                  this.querySelectorAll('input').forEach(i => $0 ? i.setAttribute('aria-required', 'true') : i.removeAttribute('aria-required'));
                });""", required);
    }

    @Override
    protected String generateModelValue() {
        return child.getValue() == null ? null : child.getValue().code();
    }

    @Override
    protected void setPresentationValue(String code) {
        Optional<Code> c = code == null ? Optional.empty() : find.apply(code);
        String parentCode = c.isEmpty() ? null : parentOf.apply(code);
        if (parentCode == null || parentCode.equals(code)) {
            if (!parent.isReadOnly()) {
                parent.clear();
            }
            child.clear();
            return;
        }
        parent.getListDataView().getItems().filter(p -> p.code().equals(parentCode)).findFirst().ifPresent(parent::setValue);
        child.setItems(childrenOf.apply(parentCode));
        child.setValue(c.get());
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        parent.setReadOnly(readOnly || parent.getListDataView().getItemCount() == 1);
        child.setReadOnly(readOnly);
    }
}
