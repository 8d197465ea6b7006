package lab.overload.models.scenario;

/** How a client group's requests are spread over its tenants (before each tenant's rate multiplier). */
public enum TenantSkew {
    /** Every tenant equally likely. */
    UNIFORM,
    /** Tenant i (from 0) weighted 1 / (i + 1)^zipfExponent: a few tenants send most of the traffic. */
    ZIPF
}
