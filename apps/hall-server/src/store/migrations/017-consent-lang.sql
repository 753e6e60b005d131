-- Issue 18, item 3: the language a customer chose at the kiosk, kept with their consent so the
-- visit's texts are written in it (null: zh, the hall's default). A later consent without a
-- language keeps the one recorded (notifications-repo.ts).
ALTER TABLE notification_consents ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang IN ('zh', 'en'));
