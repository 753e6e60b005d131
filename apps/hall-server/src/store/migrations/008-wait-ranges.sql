-- The wait a customer was told at issue (issue 15): the range around estimated_wait_sec, and
-- the naive estimate (people ahead × mean handling time ÷ open counters) kept beside it, so the
-- reports judge the estimate given against the naive one on the same tickets.
-- no_counter_open: 1 when nobody served the service at issue (the ticket said so).
ALTER TABLE tickets ADD COLUMN estimated_wait_low_sec INTEGER;
ALTER TABLE tickets ADD COLUMN estimated_wait_high_sec INTEGER;
ALTER TABLE tickets ADD COLUMN naive_wait_sec INTEGER;
ALTER TABLE tickets ADD COLUMN no_counter_open INTEGER;
