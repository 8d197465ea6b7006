package lab.overload.models.scenario;

import java.util.List;

/**
 * The teaching text of a preset: the story, the "try this" steps and the formula that predicts what happens.
 *
 * @param formula a formula in plain text whose symbols are parameter names, e.g. "rho = lambda / (c * mu)"
 */
public record Lesson(String story, List<String> tryThis, String formula) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Lesson", Lesson.class, List.of(
            FieldDef.text("story", "", 8000, "What the preset shows and why it matters."),
            FieldDef.textList("tryThis", "Steps for the user to try, in order."),
            FieldDef.text("formula", "", 400, "The formula that predicts what happens, in plain text.")));

    public static final Lesson NONE = new Lesson("", List.of(), "");

    public Lesson {
        story = SCHEMA.checkText("story", story);
        tryThis = SCHEMA.checkList("tryThis", tryThis);
        for (String step : tryThis) {
            if (step == null || step.length() > 2000) {
                throw new IllegalArgumentException("tryThis steps must be text of 1 to 2000 characters");
            }
        }
        formula = SCHEMA.checkText("formula", formula);
    }
}
