package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Display;

import dev.pinscope.model.scenario.PageLevel;

/** The diagram's colours and fonts (system-owned or display-lifetime, never disposed by figures). */
public final class Colors {

    public static final Color PUD = rgb(0x8e, 0x6c, 0xc9);
    public static final Color PMD = rgb(0x3d, 0x7c, 0xc9);
    public static final Color PTE = rgb(0x34, 0xa0, 0x6e);
    public static final Color VMA_FILL = rgb(0xee, 0xf3, 0xfa);
    public static final Color VMA_LINE = rgb(0x5a, 0x7d, 0xad);
    public static final Color DEVICE_FILL = rgb(0xf6, 0xf0, 0xe4);
    public static final Color DEVICE_LINE = rgb(0x9a, 0x7b, 0x4f);
    public static final Color BAR_FILL = rgb(0xff, 0xf6, 0xda);
    public static final Color ACTOR_FILL = rgb(0xfd, 0xfd, 0xfd);
    public static final Color LANE = rgb(0xf7, 0xf7, 0xf9);
    public static final Color LANE_TEXT = rgb(0x80, 0x86, 0x90);
    public static final Color AXIS = rgb(0x44, 0x4a, 0x55);
    public static final Color GAP = rgb(0xb0, 0xb4, 0xbc);
    public static final Color ERROR = rgb(0xd0, 0x21, 0x21);
    public static final Color HIGHLIGHT = rgb(0xff, 0x8c, 0x00);
    public static final Color LINK = rgb(0x70, 0x78, 0x84);
    public static final Color REF_LINK = rgb(0x2f, 0x55, 0x8a);
    public static final Color TEXT = rgb(0x20, 0x24, 0x2a);
    public static final Color MUTED = rgb(0x5c, 0x63, 0x6e);
    public static final Color PINNER = rgb(0xe0, 0x6c, 0x1f);
    public static final Color ZAPPER = rgb(0xc8, 0x32, 0x32);
    public static final Color WALKER = rgb(0x3d, 0x7c, 0xc9);
    public static final Color CPU = rgb(0x60, 0x60, 0x60);
    public static final Color SIGNAL = rgb(0xb0, 0x3a, 0x8c);
    public static final Color UNMAPPER = rgb(0x8a, 0x8a, 0x2a);

    private Colors() {
    }

    private static Color rgb(int r, int g, int b) {
        return new Color(Display.getDefault(), r, g, b);
    }

    public static Color of(PageLevel level) {
        return switch (level) {
            case PUD -> PUD;
            case PMD -> PMD;
            case PTE -> PTE;
        };
    }

    public static Color white() {
        return ColorConstants.white;
    }

    public static Font bold() {
        return JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
    }

    public static Font normal() {
        return JFaceResources.getFontRegistry().get(JFaceResources.DEFAULT_FONT);
    }

    public static Font small() {
        return JFaceResources.getFontRegistry().get(JFaceResources.TEXT_FONT);
    }
}
