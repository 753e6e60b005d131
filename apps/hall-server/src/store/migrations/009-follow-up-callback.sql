-- A follow-up carries the customer's callback phone, masked (issue 15): the whole number is
-- read from the visit or opinion only through customer:reveal-contact, with a reason.
ALTER TABLE follow_ups ADD COLUMN callback_phone TEXT;
