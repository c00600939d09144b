#ifndef BULLETIN_CLIBFUZZER_H
#define BULLETIN_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented driver entry (compiler-rt FuzzerInterface.h). SwiftPM links Linux
/// executables with `--defsym main=<Target>_main`, so libFuzzer's own `main` is never used;
/// BulletinFuzz's `@main` calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
