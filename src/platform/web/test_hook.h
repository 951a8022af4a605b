#pragma once
// window.ssiTest: the page's test hook (README "Test hook"), around exported ssi_test_* entry points.
namespace ssi::app {
class App;
}

namespace ssi::platform::test_hook {

void install(app::App& app);  // before the first frame
void mark_ready();            // after the first frame: ssiTest.ready = true

}  // namespace ssi::platform::test_hook
