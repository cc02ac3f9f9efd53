package cn.yn.employment.common;

import java.util.Collection;
import java.util.Map;

/**
 * Enterprise names by id, for lists outside the enterprise module that show an enterprise scope (the user list):
 * implemented by the enterprise module, which already depends on the modules that ask. The caller checks its own
 * permission to list what it shows; names are not secret to an administrator who may see the accounts.
 */
public interface EnterpriseNames {

    Map<Long, String> namesOf(Collection<Long> enterpriseIds);
}
