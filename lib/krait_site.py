# Krait site hooks; this file marks lib/ as the folder of Krait-specific Python modules.
