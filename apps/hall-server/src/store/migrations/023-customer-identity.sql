-- placeholder: filled by issue 19's slice (number reserved)
SELECT 1;
