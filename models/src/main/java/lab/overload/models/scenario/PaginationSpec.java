package lab.overload.models.scenario;

import java.util.List;

/**
 * Client-side pagination: a request larger than {@code pageSize} (in request-size units, where 1 is a typical
 * request) is sent as ceil(size / pageSize) sequential page requests, each of size at most {@code pageSize}; the next
 * page is requested when the previous one succeeds, and a page that fails ends the sequence. Each page is a logical
 * request in the outcome vocabulary, so goodput counts pages.
 */
public record PaginationSpec(boolean enabled, double pageSize) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Pagination", PaginationSpec.class, List.of(
            FieldDef.bool("enabled", false, "Whether requests larger than a page are split into sequential pages."),
            FieldDef.real("pageSize", "x", 0.001, 1000, 1,
                    "Largest request size one page may have (1 = a typical request).").log()
                    .shownWhen(Condition.is("enabled", true))));

    /** No pagination. */
    public static final PaginationSpec NONE = new PaginationSpec(false, 1);

    public PaginationSpec {
        SCHEMA.check("pageSize", pageSize);
    }
}
