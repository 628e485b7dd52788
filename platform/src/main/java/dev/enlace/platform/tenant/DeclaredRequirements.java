package dev.enlace.platform.tenant;

import java.util.Set;

/**
 * {@link ConnectionRequirements} stated once in a constructor: what every connector declares is data, so
 * a connector's bean only names its system, role, credentials and properties.
 */
public abstract class DeclaredRequirements implements ConnectionRequirements {
    private final String system;
    private final Role role;
    private final Set<String> credentials;
    private final Set<String> properties;

    protected DeclaredRequirements(String system, Role role, Set<String> credentials, Set<String> properties) {
        this.system = system;
        this.role = role;
        this.credentials = Set.copyOf(credentials);
        this.properties = Set.copyOf(properties);
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public Set<String> requiredCredentials() {
        return credentials;
    }

    @Override
    public Set<String> requiredProperties() {
        return properties;
    }
}
