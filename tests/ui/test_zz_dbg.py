from tests.ui.test_responsiveness import *  # noqa
import time

class Dog(Watchdog):
    def __init__(self):
        super().__init__(); self.label = ""; self.gaps = []
    def _tick(self):
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append(((now - self._last) * 1000, self.label))
        self._last = now

@pytest.mark.parametrize("n", range(4))
def test_dbg(qtbot, window, n):
    page = window.navigate("children")
    view = page.table
    qtbot.waitUntil(lambda: view.model().rowCount() > 100, timeout=20000)
    settle(qtbot)
    dog = Dog()
    with dog:
        for row in (0, 57, 123, 199):
            dog.label = f"row{row}"
            view.setCurrentIndex(view.model().index(row, 0))
            qtbot.wait(60)
        view.setFocus()
        dog.label = "enter"
        qtbot.keyClick(view, Qt.Key.Key_Return)
        dog.label = "after enter"
        qtbot.wait(150)
    print(sorted(dog.gaps, reverse=True)[:4])
