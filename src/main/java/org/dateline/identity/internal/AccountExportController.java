package org.dateline.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.identity.Account;
import org.dateline.identity.AccountExport;
import org.dateline.identity.Accounts;
import org.dateline.identity.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code GET /account/export}: everything the logged-in reader's account holds, as one JSON download: the account
 * itself and each module's part ({@link AccountExport}). Behind the login (the reader chain); never stored by a cache.
 */
@Controller
class AccountExportController {

    private final CurrentActor currentActor;
    private final Accounts accounts;
    private final List<AccountExport> parts;

    AccountExportController(CurrentActor currentActor, Accounts accounts, List<AccountExport> parts) {
        this.currentActor = currentActor;
        this.accounts = accounts;
        this.parts = parts;
    }

    @GetMapping(value = "/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> export() {
        long id = currentActor.get().orElseThrow(() -> new IllegalStateException("the reader chain requires a login"))
                .accountId();
        Account account = accounts.find(id).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", account.id());
        fields.put("email", account.email());
        fields.put("displayName", account.displayName());
        fields.put("role", account.role().name());
        fields.put("createdAt", account.createdAt() == null ? null : account.createdAt().toString());
        body.put("account", fields);
        for (AccountExport part : parts) {
            body.put(part.name(), part.export(id));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dateline-account.json\"")
                .body(body);
    }
}
