import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the 16x16 obj16 icons of dev.pinscope.model.edit: one colour per class (entries by level
 * colour as in the diagram), with a letter, so tree rows are told apart at a glance.
 * Run from the repository root: java releng/icons/MakeIcons.java
 */
public class MakeIcons {
    record Icon(Color color, String letter, boolean round) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Icon> icons = new LinkedHashMap<>();
        icons.put("Scenario", new Icon(new Color(0x37474F), "S", false));
        icons.put("KernelConfig", new Icon(new Color(0x6D4C41), "K", false));
        icons.put("AddressSpace", new Icon(new Color(0x1565C0), "M", false));
        icons.put("Vma", new Icon(new Color(0x1E88E5), "V", false));
        icons.put("PageTableEntry", new Icon(new Color(0x43A047), "E", false));
        icons.put("Device", new Icon(new Color(0x8E24AA), "D", false));
        icons.put("Bar", new Icon(new Color(0xAB47BC), "B", false));
        icons.put("Actor", new Icon(new Color(0x757575), "A", true));
        icons.put("Pinner", new Icon(new Color(0x00897B), "P", true));
        icons.put("Zapper", new Icon(new Color(0xE53935), "Z", true));
        icons.put("PageTableWalker", new Icon(new Color(0xFB8C00), "W", true));
        icons.put("CpuAccess", new Icon(new Color(0x3949AB), "C", true));
        icons.put("SignalSender", new Icon(new Color(0xC62828), "!", true));
        icons.put("Unmapper", new Icon(new Color(0x5D4037), "U", true));
        icons.put("Schedule", new Icon(new Color(0x546E7A), "T", false));
        icons.put("ScheduleStep", new Icon(new Color(0x78909C), ">", false));
        icons.put("Expectation", new Icon(new Color(0xF9A825), "=", false));
        File dir = new File("bundles/dev.pinscope.model.edit/icons/full/obj16");
        dir.mkdirs();
        for (var e : icons.entrySet()) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            Icon icon = e.getValue();
            g.setColor(icon.color());
            if (icon.round()) {
                g.fillOval(0, 0, 15, 15);
            } else {
                g.fillRoundRect(0, 0, 15, 15, 4, 4);
            }
            g.setColor(icon.color().darker());
            g.setStroke(new BasicStroke(1f));
            if (icon.round()) {
                g.drawOval(0, 0, 15, 15);
            } else {
                g.drawRoundRect(0, 0, 15, 15, 4, 4);
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            var fm = g.getFontMetrics();
            int w = fm.stringWidth(icon.letter());
            g.drawString(icon.letter(), (16 - w) / 2, 12);
            g.dispose();
            // GIF has 1-bit transparency: map translucent corners to fully transparent.
            BufferedImage gif = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int argb = img.getRGB(x, y);
                    gif.setRGB(x, y, (argb >>> 24) < 128 ? 0 : argb | 0xFF000000);
                }
            }
            if (!ImageIO.write(gif, "gif", new File(dir, e.getKey() + ".gif"))) {
                throw new IllegalStateException("no GIF writer");
            }
            ImageIO.write(gif, "png", new File(System.getProperty("java.io.tmpdir"), "pinscope-icon-" + e.getKey() + ".png"));
        }
        System.out.println("wrote " + icons.size() + " icons to " + dir);
    }
}
