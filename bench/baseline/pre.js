// Emscripten's GLFW draws into Module.canvas; the stock HTML shell sets it inline.
Module['canvas'] = document.getElementById('canvas');
