-- Audience rules compare date attributes; a malformed date must not abort the whole query.
CREATE OR REPLACE FUNCTION parcours_try_timestamptz(value text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN value::timestamptz;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
