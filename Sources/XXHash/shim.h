#include <xxhash.h>

/* Debian's library for x86-64 is built with xxHash's dispatcher, which runs the AVX2 or
   AVX-512 loop where the processor has one (the plain entry points always run the SSE2
   loop); the dispatcher's header is installed only with it. */
#if defined(__x86_64__) && __has_include(<xxh_x86dispatch.h>)
#define XXH_DISPATCH_DISABLE_REPLACE
#include <xxh_x86dispatch.h>
#define BULLETIN_XXH3_128 XXH3_128bits_dispatch
#define BULLETIN_XXH3_128_UPDATE XXH3_128bits_update_dispatch
#else
#define BULLETIN_XXH3_128 XXH3_128bits
#define BULLETIN_XXH3_128_UPDATE XXH3_128bits_update
#endif

static inline XXH128_hash_t bulletin_xxh3_128(const void *data, size_t length) {
    return BULLETIN_XXH3_128(data, length);
}

static inline XXH_errorcode bulletin_xxh3_128_update(XXH3_state_t *state, const void *data, size_t length) {
    return BULLETIN_XXH3_128_UPDATE(state, data, length);
}
