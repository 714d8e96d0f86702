-- Accent-insensitive search of Vietnamese text (see docs/).
create extension if not exists unaccent;
