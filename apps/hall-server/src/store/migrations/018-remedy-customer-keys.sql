-- Remedy authority (issue 18 review): the per-customer-per-day limit knows a customer by every
-- identifier on the grant's visit and case, not by one key. A grant is counted against each of
-- them ('ticket:<id>', 'case:<id>', 'phone:<whole phone>', 'account:<whole account number>'),
-- and a new grant's day sums the grants linked to it through any of them (domain/remedies.ts).
-- Hall-local: the whole phone and account number never leave the hall (the record is masked).
CREATE TABLE remedy_grant_customers (
  grant_id TEXT NOT NULL REFERENCES remedy_grants (id),
  customer_key TEXT NOT NULL,
  PRIMARY KEY (grant_id, customer_key)
) STRICT;
CREATE INDEX remedy_grant_customers_key ON remedy_grant_customers (customer_key);

-- The grants made before: their visit, case, and the phone and account number on each.
INSERT OR IGNORE INTO remedy_grant_customers (grant_id, customer_key)
SELECT id, 'ticket:' || ticket_id FROM remedy_grants WHERE ticket_id IS NOT NULL
UNION SELECT id, 'case:' || case_id FROM remedy_grants WHERE case_id IS NOT NULL
UNION SELECT g.id, 'ticket:' || c.ticket_id FROM remedy_grants g JOIN cases c ON c.id = g.case_id
  WHERE c.ticket_id IS NOT NULL
UNION SELECT g.id, 'phone:' || t.customer_phone FROM remedy_grants g
  JOIN tickets t ON t.id = g.ticket_id WHERE t.customer_phone IS NOT NULL
UNION SELECT g.id, 'account:' || t.customer_account_no FROM remedy_grants g
  JOIN tickets t ON t.id = g.ticket_id WHERE t.customer_account_no IS NOT NULL
UNION SELECT g.id, 'phone:' || c.customer_phone FROM remedy_grants g
  JOIN cases c ON c.id = g.case_id WHERE c.customer_phone IS NOT NULL
UNION SELECT g.id, 'account:' || c.customer_account_no FROM remedy_grants g
  JOIN cases c ON c.id = g.case_id WHERE c.customer_account_no IS NOT NULL;
