package lab.overload.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import lab.overload.app.viewmodel.PresetCatalog;
import org.junit.jupiter.api.Test;

/** The presenter-mode screenshot is the window as a 1280x720 projector shows it. */
class ScreenshotsTest {
    @Test
    void presenterShotsAreProjectorSized() throws IOException {
        assertTrue(Screenshots.PRESENTER_SHOTS.contains("goodput-collapse.json"), "the headline lesson is shot");
        byte[] png = Screenshots.capture(PresetCatalog.bundled("goodput-collapse.json"), 3, 0,
                Screenshots.PRESENTER_WIDTH, Screenshots.PRESENTER_HEIGHT, true);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
    }
}
