package dev.atelier.app.testing;

import dev.atelier.app.common.dialogs.DialogService;
import dev.atelier.app.common.dialogs.SaveChangesChoice;
import java.util.ArrayList;
import java.util.List;

/// A [DialogService] that answers the unsaved-changes question with a preset choice and records the questions.
public final class FakeDialogs implements DialogService {
    public SaveChangesChoice answer = SaveChangesChoice.CANCEL;
    public final List<String> asked = new ArrayList<>();
    public final List<String> informed = new ArrayList<>();

    @Override
    public SaveChangesChoice askSaveChanges(String projectName) {
        asked.add(projectName);
        return answer;
    }

    @Override
    public void inform(String title, String text) {
        informed.add(title);
    }
}
