package cn.yn.employment.accounts;

import cn.yn.employment.common.security.ScopeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    @Query("""
            select u from AppUser u
            where (:text is null or lower(u.username) like :text or lower(u.displayName) like :text)
              and (:scopeType is null or u.scopeType = :scopeType)
              and (:scopeCode is null or u.scopeCode = :scopeCode)
            """)
    Page<AppUser> search(@Param("text") String text, @Param("scopeType") ScopeType scopeType,
                         @Param("scopeCode") String scopeCode, Pageable pageable);

    @Query("select count(u) from AppUser u join u.roles r where u.enabled = true and r = :role")
    long countEnabledWithRole(@Param("role") cn.yn.employment.common.security.Role role);

    java.util.List<AppUser> findByScopeTypeAndScopeCode(ScopeType scopeType, String scopeCode);
}
