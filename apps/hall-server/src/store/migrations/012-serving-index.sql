-- A staff session's idle clock stops while its clerk has a customer called or at the counter
-- (app/sessions.ts isExpired); every command's session check asks this, so it is indexed.
CREATE INDEX tickets_serving ON tickets (serving_staff_id) WHERE state IN ('called', 'serving');
