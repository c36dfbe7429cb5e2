#ifndef KIOSK_CCRYPT_SHIM_H
#define KIOSK_CCRYPT_SHIM_H
// libxcrypt (the salted slow hashes of access codes) and getrandom(2) (their randomness).
#include <crypt.h>
#include <stddef.h>
#include <sys/random.h>

/// The size of the scratch area crypt_rn needs; struct crypt_data is too large for Swift to import well.
static inline int kiosk_crypt_data_size(void) { return (int)sizeof(struct crypt_data); }
#endif
