-- Issue 18, item 4: a VIP customer's account manager (大客户经理), a clerk named on the customer
-- record; the kiosk and the guide desk route the VIP to the manager's counter when it is open.
ALTER TABLE customers ADD COLUMN account_manager_staff_id TEXT REFERENCES staff (id);
-- A manager's VIPs (`customer:my-vips`) and the admin's count per manager.
CREATE INDEX customers_account_manager ON customers (account_manager_staff_id)
  WHERE account_manager_staff_id IS NOT NULL;
